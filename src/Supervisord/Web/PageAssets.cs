namespace Supervise.Supervisord.Web;

/// <summary>
/// The page's CSS and scripts, compiled into the binary (no files to ship, no CDN, nothing to trim under NativeAOT).
/// The scripts only enhance: without them the page is Supervisor's, with POST buttons. With them, buttons submit in the
/// background, rows follow the event stream, the filter filters as one types, and the tail view follows its log.
/// </summary>
public static class PageAssets
{
    public const string Css = """
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#222}
        #wrapper{max-width:1100px;margin:0 auto;padding:16px}
        #header{display:flex;align-items:baseline;gap:12px;border-bottom:2px solid #2d6a4f;margin-bottom:12px}
        #header h1{font-size:20px;margin:8px 0}#header h1 span{color:#2d6a4f}
        .ident{color:#777;margin-left:auto}.live{font-size:12px;padding:1px 8px;border-radius:8px;background:#ddd;color:#555}
        .live.on{background:#d8f3dc;color:#1b4332}
        .status_msg{background:#fff3bf;border:1px solid #e9c46a;padding:6px 10px;margin-bottom:10px;border-radius:4px}
        ul#buttons{list-style:none;padding:0;margin:0 0 10px;display:flex;gap:6px;flex-wrap:wrap}
        #filterform{float:right}#filter{padding:5px 8px;border:1px solid #bbb;border-radius:4px;min-width:220px}
        .action-button a,.action-button button,td.action button,td.action a{display:inline-block;font:inherit;font-size:12px;padding:3px 9px;
        border:1px solid #b7b7b7;border-radius:4px;background:#fff;color:#1d3557;text-decoration:none;cursor:pointer}
        .action-button a,.action-button button{font-size:14px;padding:5px 12px}
        button:disabled{opacity:.5;cursor:wait}
        table{width:100%;border-collapse:collapse;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.1)}
        th{text-align:left;background:#e9ecef;padding:6px 8px;font-weight:600}td{padding:5px 8px;border-top:1px solid #eee;vertical-align:middle}
        tr.shade{background:#fafafa}tr.group td{background:#eef4f0;border-top:2px solid #cfe1d6}
        td.action ul{list-style:none;margin:0;padding:0;display:flex;gap:4px;flex-wrap:wrap}
        .statusrunning{color:#2d6a4f;font-weight:600}.statuserror{color:#c1121f;font-weight:600}.statusnominal{color:#555}
        tr.st-running .act-stopped,tr.st-stopped .act-running,tr.st-other .act-running,tr.st-other .act-stopped,.hidden{display:none}
        #footer{max-width:1100px;margin:0 auto;padding:8px 16px;color:#888;font-size:12px}
        h2{font-size:15px;margin:14px 0 4px}pre.tail{background:#111;color:#eee;padding:8px;max-height:40vh;overflow:auto;white-space:pre-wrap;
        word-break:break-all;margin:0;border-radius:4px}
        """;

    public const string StatusScript = """
        (function(){
        'use strict';
        // fetch and EventSource refuse URLs with user:password@, which a page opened that way resolves relative links to.
        function u(x){var r=new URL(x,location.href);r.username='';r.password='';return r.href;}
        var body=document.body,offset=Number(body.dataset.now)-Date.now(),msg=document.getElementById('message');
        function rows(){return Array.prototype.slice.call(document.querySelectorAll('tr[data-namespec]'));}
        function find(ns){return rows().filter(function(r){return r.dataset.namespec===ns;})[0];}
        function show(text){if(text){msg.textContent=text;msg.hidden=false;}}
        function pad(n){return n<10?'0'+n:''+n;}
        function uptime(ms){var s=Math.max(0,Math.floor(ms/1000)),d=Math.floor(s/86400),r=s%86400;
          var c=Math.floor(r/3600)+':'+pad(Math.floor(r%3600/60))+':'+pad(r%60);return d?d+' day'+(d===1?'':'s')+', '+c:c;}
        function tick(){rows().forEach(function(r){var st=Number(r.dataset.start);if(st>0){
          r.querySelector('.desc').textContent='pid '+r.dataset.pid+', uptime '+uptime(Date.now()+offset-st);}});}
        setInterval(tick,1000);
        document.getElementById('page').addEventListener('submit',function(e){
          var b=e.submitter;if(!b||!window.fetch)return;e.preventDefault();b.disabled=true;
          fetch(u(b.formAction),{method:'POST',credentials:'same-origin'}).then(function(r){
            show(new URL(r.url).searchParams.get('message')||(r.ok?'':'HTTP '+r.status));
          }).catch(function(){show('request failed');}).then(function(){b.disabled=false;});});
        var filter=document.getElementById('filter');
        function applyFilter(){var f=filter.value.toLowerCase();var shown={};
          rows().forEach(function(r){var v=!f||r.dataset.namespec.toLowerCase().indexOf(f)>=0;r.hidden=!v;if(v)shown[r.dataset.group]=1;});
          Array.prototype.forEach.call(document.querySelectorAll('tr.group'),function(g){g.hidden=!shown[g.dataset.group];});}
        filter.addEventListener('input',applyFilter);
        document.getElementById('filterform').addEventListener('submit',function(e){e.preventDefault();applyFilter();});
        if(!window.EventSource)return;
        var live=document.getElementById('live'),es=new EventSource(u('events'));
        es.onopen=function(){live.textContent='live';live.className='live on';};
        es.onerror=function(){live.textContent='reconnecting';live.className='live';};
        es.addEventListener('layout',function(){location.reload();});
        es.addEventListener('state',function(e){var s=JSON.parse(e.data),r=find(s.namespec);
          if(!r){if(!filter.defaultValue)location.reload();return;}
          offset=s.now-Date.now();
          r.className=(r.classList.contains('shade')?'shade ':'')+s.rowclass;r.dataset.state=s.state;r.dataset.pid=s.pid;r.dataset.start=s.start;
          var span=r.querySelector('td.status span');span.className=s.statusclass;span.textContent=s.statename.toLowerCase();
          r.querySelector('.desc').textContent=s.description;});
        })();
        """;

    public const string TailScript = """
        (function(){
        'use strict';
        function u(x){var r=new URL(x,location.href);r.username='';r.password='';return r.href;}
        var src=document.currentScript.dataset.events,live=document.getElementById('live');
        if(!window.EventSource||!src)return;
        var es=new EventSource(u(src)),max=262144;
        es.onopen=function(){live.textContent='following';live.className='live on';};
        es.onerror=function(){live.textContent='reconnecting';live.className='live';};
        ['stdout','stderr'].forEach(function(ch){var pre=document.getElementById(ch);
          es.addEventListener(ch,function(e){var d=JSON.parse(e.data),atEnd=pre.scrollTop+pre.clientHeight>=pre.scrollHeight-4;
            var t=(d.reset?'':pre.textContent)+d.text;if(t.length>max)t=t.slice(t.length-max);pre.textContent=t;
            if(atEnd)pre.scrollTop=pre.scrollHeight;});});
        })();
        """;
}

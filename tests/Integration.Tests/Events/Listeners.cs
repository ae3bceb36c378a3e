namespace Supervise.Integration.Tests.Events;

/// <summary>Shell event listeners for the specs: each speaks Supervisor's protocol on its stdin and stdout.</summary>
internal static class Listeners
{
    /// <summary>Appends "HEADER|PAYLOAD" (newlines in the payload kept) to <paramref name="file"/> and answers OK.</summary>
    public static string Recording(string file) =>
        $$"""/bin/bash -c 'printf "READY\n";while read -r header;do len=${header##*len:};payload=$(head -c "$len");printf "%%s|%%s\n" "$header" "$payload" >> {{file}};printf "RESULT 2\nOKREADY\n";done'""";

    /// <summary>Records each header line to <paramref name="file"/>; answers FAIL to the first event and OK to the rest.</summary>
    public static string FailingOnce(string file) =>
        $$"""/bin/bash -c 'printf "READY\n";n=0;while read -r header;do len=${header##*len:};head -c "$len" >/dev/null;echo "$header" >> {{file}};if [ $n -eq 0 ];then printf "RESULT 4\nFAILREADY\n";else printf "RESULT 2\nOKREADY\n";fi;n=1;done'""";

    /// <summary>Counts the events it gets in <paramref name="file"/> (one line each) and answers OK at once.</summary>
    public static string Counting(string file) =>
        $$"""/bin/bash -c 'printf "READY\n";while read -r header;do len=${header##*len:};head -c "$len" >/dev/null;printf "RESULT 2\nOKREADY\n";echo >> {{file}};done'""";
}

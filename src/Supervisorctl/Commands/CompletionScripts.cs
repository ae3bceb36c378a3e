namespace Supervise.Supervisorctl.Commands;

/// <summary>The completion scripts `completion` prints; the action list is filled in from the command table.</summary>
internal static class CompletionScripts
{
    public static string Bash(string actions) =>
        """
            # bash completion for supervisorctl (Supervise)
            _supervisorctl() {
                local cur prev i action="" opts=()
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
                        -c|-s|-u|-p|-r|--configuration|--serverurl|--username|--password|--history_file)
                            opts+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}"); ((i++)) ;;
                        -*) opts+=("${COMP_WORDS[i]}") ;;
                        *) action="${COMP_WORDS[i]}"; break ;;
                    esac
                done
                case "$prev" in
                    -c|--configuration|-r|--history_file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                    -s|--serverurl|-u|--username|-p|--password) return ;;
                esac
                if [[ -z "$action" ]]; then
                    if [[ "$cur" == -* ]]; then
                        COMPREPLY=($(compgen -W "-c -s -u -p -r -i -h --configuration --serverurl --username --password --history_file --interactive --help" -- "$cur"))
                    else
                        COMPREPLY=($(compgen -W "ACTIONS" -- "$cur"))
                    fi
                    return
                fi
                case "$action" in
                    help) COMPREPLY=($(compgen -W "ACTIONS" -- "$cur")) ;;
                    completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")) ;;
                    add|remove|update|clear|fg|pid|restart|signal|start|status|stop|tail)
                        local names
                        names=$(supervisorctl "${opts[@]}" status 2>/dev/null | awk '{print $1} $1 ~ /:/ {split($1, p, ":"); print p[1] ":*"}' | sort -u)
                        COMPREPLY=($(compgen -W "$names all" -- "$cur")) ;;
                esac
            }
            complete -F _supervisorctl supervisorctl

            """.Replace("ACTIONS", actions, StringComparison.Ordinal);

    public static string Zsh(string actions) =>
        """
            #compdef supervisorctl
            # zsh completion for supervisorctl (Supervise)
            _supervisorctl() {
                local -a opts
                local i action
                for ((i = 2; i < CURRENT; i++)); do
                    case "${words[i]}" in
                        -c|-s|-u|-p|-r|--configuration|--serverurl|--username|--password|--history_file)
                            opts+=("${words[i]}" "${words[i+1]}"); ((i++)) ;;
                        -*) opts+=("${words[i]}") ;;
                        *) action="${words[i]}"; break ;;
                    esac
                done
                if [[ -z "$action" ]]; then
                    _arguments \
                        '(-c --configuration)'{-c,--configuration}'[configuration file]:file:_files' \
                        '(-s --serverurl)'{-s,--serverurl}'[server URL]:url:' \
                        '(-u --username)'{-u,--username}'[user name]:user:' \
                        '(-p --password)'{-p,--password}'[password]:password:' \
                        '(-r --history_file)'{-r,--history_file}'[history file]:file:_files' \
                        '(-i --interactive)'{-i,--interactive}'[interactive shell]' \
                        '*::action:(ACTIONS)'
                    return
                fi
                case "$action" in
                    help) compadd -- ACTIONS ;;
                    completion) compadd -- bash zsh ;;
                    add|remove|update|clear|fg|pid|restart|signal|start|status|stop|tail)
                        compadd -- all ${(f)"$(supervisorctl "${opts[@]}" status 2>/dev/null | awk '{print $1} $1 ~ /:/ {split($1, p, ":"); print p[1] ":*"}' | sort -u)"} ;;
                esac
            }
            compdef _supervisorctl supervisorctl

            """.Replace("ACTIONS", actions, StringComparison.Ordinal);
}

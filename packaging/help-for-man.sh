#!/bin/sh
# help2man runs "NAME --help" and parses GNU-style option lines ("  -c, --configuration FILENAME  text").
# Supervisor's help writes "-c/--configuration FILENAME -- text", so build.sh links this script under each
# binary's name and points HELP_BINARY at the real binary; the text is Supervisor's, only the layout changes.
[ "$1" = --help ] || exit 1
"$HELP_BINARY" --help | sed -E \
	-e 's#^Usage: [^ ]*/#Usage: #' \
	-e 's#^(-[a-zA-Z?])/(--[a-z_-]+)( [A-Z]+)? +-- +#  \1, \2\3  #' \
	-e 's#^(--[a-z_-]+)( [A-Z]+)? +-- +#      \1\2  #' |
	# A continuation line (deeply indented) belongs to the option above it.
	awk '/^   +[^ -]/ && previous != "" { sub(/^ +/, ""); previous = previous " " $0; next }
	     { if (NR > 1) print previous; previous = $0 }
	     END { print previous }'

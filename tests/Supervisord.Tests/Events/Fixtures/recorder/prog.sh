#!/bin/bash
printf 'h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac\xf0\x9f\x98\x80\n'
printf 'bad \x88\n' >&2
printf 'before<!--XSUPERVISOR:BEGIN-->capt\xc3\xbcred\n<!--XSUPERVISOR:END-->after\n'
exec sleep 1000

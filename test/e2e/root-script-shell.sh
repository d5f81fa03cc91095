#!/bin/sh
# npm's script shell while installing code-server: its postinstall refuses to run as root unless
# npm_config_unsafe_perm=true (an npm 6 setting that npm 11 no longer knows and warns about as a flag).
npm_config_unsafe_perm=true exec /bin/sh "$@"

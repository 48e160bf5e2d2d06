#!/usr/bin/env regina
/* shebang */
say "shebang ok"
say sourceline(2)
say sourceline()

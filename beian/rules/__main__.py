import sys

from beian.rules.cli import main

sys.exit(main())

from news_archive.cli import main

raise SystemExit(main())

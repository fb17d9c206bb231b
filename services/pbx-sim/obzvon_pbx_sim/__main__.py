from obzvon_pbx_sim.cli import main

raise SystemExit(main())

"""Seeded discrete-event simulation of a call centre driving the real pacer, and the pacing benchmark
(F-82, pacing.md §6): :func:`runner.run_shift` for one shift, :func:`bench.run_benchmark` for the grid."""

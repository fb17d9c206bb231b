"""Generated PJSIP include files for trunks and operator phones (F-10, F-13)."""

"""The campaign engine (F-40, F-41): whom to dial for each running project this dialer owns, and how fast."""

"""Base imports asked for by the gateway (``import_contact_base`` commands), with live progress."""

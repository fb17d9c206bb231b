"""The dialer's AMI client (the only one in Obzvon), built on panoramisk 1.4."""

"""The demo phone: the operator's extension on the simulated PBX (pbx-sim), answered from the browser."""

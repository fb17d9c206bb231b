"""`python -m obzvon_gateway`: serve the gateway with uvicorn on OBZVON_GATEWAY_HOST:OBZVON_GATEWAY_PORT."""

import uvicorn

from obzvon_gateway.settings import gateway_settings


def main() -> None:
    settings = gateway_settings()
    uvicorn.run(
        "obzvon_gateway.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_config=None,
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=settings.forwarded_allow_ips or None,
        ws_ping_interval=20,
    )


if __name__ == "__main__":
    main()

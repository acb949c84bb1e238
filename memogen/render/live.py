"""The live copy: with memogen.yaml's `site_url`, where each document of a standard is
published, and the QR code a printed document carries to it (bottom right of page 1)."""

from __future__ import annotations

from typing import Any

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.outputs import ARTIFACTS, CATALOGUE_ARTIFACTS
from memogen.render.qr import qr_svg


def live_links(standard: Standard, config: Config) -> dict[str, Any]:
    """`live.url.<artifact>`: the published HTML of each printed artifact; `live.qr.<artifact>`:
    its QR code as inline SVG; `live.page`: where emails and notices link, the page the
    catalogue opens for a standard (the guide). All
    "" without `site_url`."""
    printed = [kind.name for kind in ARTIFACTS if "pdf" in kind.formats]
    if not config.site_url:
        return {"url": dict.fromkeys(printed, ""), "qr": dict.fromkeys(printed, ""), "page": ""}
    site = config.site_url.rstrip("/")
    urls = {name: f"{site}/{standard.id}/{name}.html" for name in printed}
    return {
        "url": urls,
        "qr": {name: qr_svg(url) for name, url in urls.items()},
        "page": urls[CATALOGUE_ARTIFACTS[0]],
    }

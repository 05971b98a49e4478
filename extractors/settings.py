"""The one settings model: defaults here, overridden by CLI or flow parameters."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # PDF reading
    max_pages: int = Field(2000, ge=1, description="pages read per PDF; later pages are left out with a warning")
    max_bytes: int = Field(100 * 1024 * 1024, ge=1, description="largest input read, in bytes")
    # HTTP
    user_agent: str = "chusho-extract/0.1 (+https://github.com/chusho-extract; SME policy research crawler)"
    http_timeout: float = Field(20.0, gt=0)
    max_redirects: int = Field(5, ge=0)

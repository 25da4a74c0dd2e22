"""Start-up checks (`manage.py check`, and every management command and server start)."""

from django.core.checks import Error, register

from typesetting.lines import FONT_FILES, FontMissing, font_path


@register()
def fonts_ship_with_the_project(app_configs, **kwargs) -> list[Error]:
    """The line breaker's fonts: without them no reader page or PDF could number its lines."""
    errors = []
    for style in FONT_FILES:
        try:
            font_path(style)
        except FontMissing as missing:
            errors.append(Error(str(missing), id="summit.E001"))
    return errors

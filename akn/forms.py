from django import forms
from django.utils.translation import gettext_lazy as _

from portal.languages import edition_name, language_codes


class AknImportForm(forms.Form):
    """One file per language edition of the settings, each optional; then the confirmation."""

    replace_edits = forms.BooleanField(
        label=_("Replace the edits made in the current draft"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        files = {
            code: forms.FileField(label=f"{edition_name(code)} (AKN XML)", required=False)
            for code in language_codes()
        }
        self.fields = {**files, **self.fields}

    def editions(self, max_bytes: int) -> dict[str, bytes]:
        """The files given, by language, each read up to `max_bytes` + 1 (so an oversized one
        is seen as such)."""
        return {
            code: self.cleaned_data[code].read(max_bytes + 1)
            for code in language_codes()
            if self.cleaned_data.get(code)
        }

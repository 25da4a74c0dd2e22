from django import forms
from django.utils.translation import gettext_lazy as _

from portal.languages import language_codes, language_label

from .models import SUBJECT_MAX_LENGTH, TEXT_MAX_LENGTH, Call

DEADLINE_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class CallForm(forms.Form):
    """The subject in each language (one is enough: the other falls back to it); the deadline
    typed in the summit's own time (TIME_ZONE, Asia/Almaty), as every deadline of the portal."""

    deadline = forms.DateTimeField(
        label=_("Deadline"),
        input_formats=DEADLINE_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DEADLINE_FORMATS[0]),
    )
    who = forms.ChoiceField(label=_("Who may submit"), choices=Call.Who.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": language_label(code)},
                max_length=SUBJECT_MAX_LENGTH,
                required=False,
            )
        order = [f"subject_{code}" for code in language_codes()] + ["deadline", "who"]
        self.order_fields(order)

    def subjects(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"subject_{code}", "") for code in language_codes()}


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the submission"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    file = forms.FileField(
        label=_("PDF file (optional)"),
        required=False,
        help_text=_("A PDF document of at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    remove_file = forms.BooleanField(label=_("Remove the PDF sent earlier"), required=False)

    def __init__(self, *args, has_file: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_file:
            del self.fields["remove_file"]

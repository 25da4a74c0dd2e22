"""The secretariat's forms: issue a document, add a language version. The shape of input;
the rules (numbering, which documents may be named, the files' content) are services.py's."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.languages import language_codes, language_label

from .models import TITLE_MAX_LENGTH, Document, Relation, Series
from .uploads import file_check

ACCEPT = ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_field(label: str, *, required: bool) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=required,
        help_text=_("PDF or Word (DOCX), at most 50 MB. A DOCX is offered as uploaded."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


def _checked(upload):
    if upload:
        file_check(upload)  # refused here with its message; the service checks it again
    return upload


class DocumentIssueForm(forms.Form):
    series = forms.ChoiceField(
        label=_("Series"),
        choices=Series.choices,
        help_text=_(
            "A revision, addendum or corrigendum takes the series of the document it names."
        ),
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=None, required=False, empty_label=_("(none)")
    )
    relation = forms.ChoiceField(
        label=_("This document"),
        choices=[("", _("is a new document")), *Relation.choices],
        required=False,
    )
    related = forms.ModelChoiceField(
        label=_("Of the document"),
        queryset=None,
        required=False,
        empty_label=_("(choose the document)"),
        to_field_name="pk",
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position")
        self.fields["related"].queryset = Document.objects.filter(meeting=meeting).order_by(
            "series", "number", "sequence"
        )
        self.fields["related"].label_from_instance = lambda d: f"{d.symbol} — {d.title}"
        self.fields["relation"].choices = [
            ("", _("is a new document")),
            (Relation.REVISES, _("revises (Rev.)")),
            (Relation.ADDS_TO, _("adds to (Add.)")),
            (Relation.CORRECTS, _("corrects (Corr.)")),
        ]
        self.title_names, self.file_names = [], []
        for code in language_codes():
            name = build_localized_fieldname("title", code)
            self.fields[name] = forms.CharField(
                label=gettext("Title (%(language)s)") % {"language": language_label(code)},
                max_length=TITLE_MAX_LENGTH,
            )
            self.title_names.append(name)
        for code in language_codes():
            name = f"file_{code}"
            self.fields[name] = file_field(
                gettext("File (%(language)s)") % {"language": language_label(code)},
                required=False,
            )
            self.file_names.append(name)
        self.fields["original_language"] = forms.ChoiceField(
            label=_("The original is the file in"),
            choices=[(code, language_label(code)) for code in language_codes()],
            widget=forms.RadioSelect,
            help_text=_("The other languages are translations."),
        )

    @property
    def titles(self) -> list[forms.BoundField]:
        return [self[name] for name in self.title_names]

    @property
    def file_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.file_names]

    def clean(self):
        data = super().clean()
        for name in self.file_names:
            if data.get(name):
                try:
                    _checked(data[name])
                except ValidationError as error:
                    self.add_error(name, error)
        if not any(data.get(name) for name in self.file_names) and not self.errors:
            raise ValidationError(_("Attach the file of at least one language."))
        if data.get("relation") and not data.get("related"):
            self.add_error("related", _("Choose the document it revises, adds to or corrects."))
        if data.get("related") and not data.get("relation"):
            self.add_error("relation", _("Say whether it revises, adds to or corrects it."))
        return data

    def service_arguments(self) -> dict:
        """What document_issue takes, from the cleaned form."""
        data = self.cleaned_data
        arguments = {
            "series": data["series"],
            "agenda_item": data.get("agenda_item"),
            "files": {
                code: data[f"file_{code}"] for code in language_codes() if data.get(f"file_{code}")
            },
            "original_language": data["original_language"],
            **{name: data[name] for name in self.title_names},
        }
        if data.get("relation"):
            arguments[data["relation"]] = data["related"]
        return arguments


class VersionAddForm(forms.Form):
    # Its choices name a language as a label does ("на английском"): Russian reads "Версия".
    language = forms.ChoiceField(
        label=pgettext_lazy("the language of a version to add", "Language")
    )
    file = file_field(_("File"), required=True)
    original = forms.BooleanField(
        label=_("This is the original (not a translation)"), required=False
    )

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        present = {version.language for version in document.versions.all()}
        self.fields["language"].choices = [
            (code, language_label(code)) for code in language_codes() if code not in present
        ]
        if any(version.original for version in document.versions.all()):
            del self.fields["original"]

    def clean_file(self):
        return _checked(self.cleaned_data.get("file"))

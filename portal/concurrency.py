"""Optimistic locking, the one way: an edit names the version it started from.

Every editor screen and API that changes shared text (paragraphs, comments, initiative
sections) reads the row locked, checks the version, and either writes (version + 1) or
raises EditConflict carrying the current row, so nothing anyone wrote is overwritten
unseen. The screens then show `conflict_form`: the editor's own words, now naming the current
version, so that saving again is a deliberate choice.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpResponse
from django.shortcuts import render


class EditConflict(Exception):
    """Somebody saved the same object since it was read; nothing was overwritten."""

    def __init__(self, current):
        super().__init__(f"{current!r} was changed by somebody else")
        self.current = current


def locked_at_version(queryset: QuerySet, *, pk: int, version: int) -> Model:
    """The row, locked for this transaction, if it is still at `version`; else EditConflict.
    Call inside `transaction.atomic`."""
    # Only this table's row: PostgreSQL refuses FOR UPDATE on the nullable side of a join
    # that select_related may have added.
    current = queryset.select_for_update(of=("self",)).get(pk=pk)
    if current.version != version:
        raise EditConflict(current)
    return current


def conflict_form(form_class, data: dict, conflict: EditConflict, **kwargs):
    """The form to show after a conflict: what the editor typed, at the current version."""
    return form_class(initial={**data, "version": conflict.current.version}, **kwargs)


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names when there is one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def versioned_edit(
    request,
    *,
    form_class,
    initial: dict,
    save: Callable[[dict], object],
    done: Callable[[], HttpResponse],
    template: str,
    context: dict,
    form_kwargs: dict | None = None,
) -> HttpResponse:
    """The one shape of an editor screen under optimistic locking.

    GET shows the form at the object's current version (`initial`). A valid POST calls
    `save(cleaned_data)` (a service that raises EditConflict or ValidationError) and then
    `done()`, usually a redirect. A conflict answers 409 with both texts, the editor's still
    in the form; a refusal of the service, 400 with its errors on the fields."""
    form_kwargs = form_kwargs or {}
    conflict, status = None, 200
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except EditConflict as error:
                conflict = error.current
                form = conflict_form(form_class, form.cleaned_data, error, **form_kwargs)
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                return done()
        else:
            status = 400
    else:
        form = form_class(initial=initial, **form_kwargs)
    return render(request, template, {**context, "form": form, "conflict": conflict}, status=status)

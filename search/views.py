from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import translate_url
from django.utils import translation

from .forms import SearchForm
from .selectors import counts_by_kind, search_entries
from .snippets import snippet

PER_PAGE = 20


def search_page(request):
    """The results of the header's search box, in the page's language; when that language's
    texts hold nothing, the page says where the other languages' do."""
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form, "page": None}
    if form.is_valid():
        q, language = form.cleaned_data["q"], translation.get_language()
        filters = {"kind": form.cleaned_data["type"], "meeting": form.cleaned_data["meeting"]}
        hits = search_entries(user=request.user, q=q, language=language, **filters)
        page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
        for entry in page:
            entry.snippet = snippet(entry.body or entry.title, language, q)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(searched=True, page=page, q=q, query=query.urlencode())
        if not page.object_list:
            context["elsewhere"] = [
                (code, name, translate_url(request.get_full_path(), code), count)
                for code, name in settings.LANGUAGES
                if code != language
                and (
                    count := search_entries(
                        user=request.user, q=q, language=code, **filters
                    ).count()
                )
            ]
        elif not filters["kind"]:
            context["counts"] = counts_by_kind(hits)
    return render(request, "search/results.html", context, status=400 if form.errors else 200)

"""Typesetting, pure functions of text: line breaking with the PDF font's real metrics
(lines.py) and HTML to PDF bytes with WeasyPrint (pdf.py). Imports no app of the portal."""

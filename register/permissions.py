"""Who issues documents to the register. Used by views, templates and the API.

Issued documents are public, as the UN's are: anybody reads the register, its pages, its feed
and its files. Only the secretariat (with its second factor) issues and adds versions."""

import rules

from accounts.permissions import acts_as_secretariat

rules.add_perm("register.issue_document", acts_as_secretariat)

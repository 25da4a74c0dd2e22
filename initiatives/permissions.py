import rules

from accounts.permissions import is_secretariat

rules.add_perm("initiatives.edit_initiative", is_secretariat)

import rules

from accounts.permissions import acts_as_secretariat

rules.add_perm("initiatives.edit_initiative", acts_as_secretariat)

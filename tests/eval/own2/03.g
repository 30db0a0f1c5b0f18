recycling a policy from the ’90s @@ Naomi Fairbairn @@ housing secretary
We’ve seen this film before. It didn’t end well for tenants then, and it won’t end well for them now. @@ Naomi Fairbairn @@ housing secretary
never recovered @@ Naomi Fairbairn @@ housing secretary
The Government’s own figures show that it is building fewer homes than it promised, @@ Giles Penhaligon @@ shadow housing secretary
and it’s in no position to lecture anyone about delivery. @@ Giles Penhaligon @@ shadow housing secretary
every penny @@ Giles Penhaligon @@ shadow housing secretary
Selling the land we need for social housing is not a housing policy. It is a fire sale. @@ Shelterwell @@ -
I met a mother last week who told me, “My son has never had a bedroom of his own,” @@ Abena Mensah @@ chief executive
He is nine. @@ Abena Mensah @@ chief executive
relaxed @@ - @@ -
Labour don’t have a plan, so they’re attacking ours, @@ - @@ -
Homes for the Next Generation @@ - @@ -

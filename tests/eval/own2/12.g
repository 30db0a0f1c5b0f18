The Board considers that the inflationary risks have intensified in recent months. A more restrictive monetary stance is necessary to ensure the convergence of inflation to 3 percent within the policy horizon. @@ Chile’s central bank @@ -
Credit is already expensive for the people who create most of the jobs in this country, @@ Valentina Orrego @@ deputy finance minister
We hope this is the last increase for some time. @@ Valentina Orrego @@ deputy finance minister
as usual, and no earlier than usual. @@ Valentina Orrego @@ deputy finance minister
the right call, if a painful one, @@ Sebastián Vial @@ chief economist
They were behind the curve once and they paid for it, @@ Sebastián Vial @@ chief economist
They don’t want to be behind it again. @@ Sebastián Vial @@ chief economist
Raising rates into a slowdown because tomatoes got expensive is a strange choice, @@ Lorena Bustamante @@ professor of economics
The bank is fighting the last war. @@ Lorena Bustamante @@ professor of economics

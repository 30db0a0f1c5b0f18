She was working the register until she was 84, and she only stopped because the doctor made her, @@ Carol Abernathy-Reyes @@ -
Even then she came in every morning to complain about the coffee. @@ Carol Abernathy-Reyes @@ -
first-day breakfast, @@ - @@ -
Mom said nobody should start a new job hungry and worried about money at the same time, @@ Daniel Abernathy @@ -
So she made it a rule. You showed her your badge or your name tag, and you ate for free. @@ Daniel Abernathy @@ -
the conscience of downtown. @@ Lucinda Park @@ mayor
She knew my order, my wife’s name and my grandkids’ birthdays, @@ Terrence Wills @@ retired bus driver
I don’t think she ever wrote any of it down. @@ Terrence Wills @@ retired bus driver
Closed to remember Ruth. First-day breakfast is still free. She would insist. @@ Marcus Reyes @@ -

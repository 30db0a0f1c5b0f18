run out of patience @@ Farida Qureshi @@ consultant anaesthetist
Nobody goes into medicine to stand on a picket line, @@ Farida Qureshi @@ consultant anaesthetist
But we’ve been told for a year and a half that a deal is coming, and it hasn’t come. @@ Farida Qureshi @@ consultant anaesthetist
disappointed @@ Graham Tolley @@ chief executive
Every cancelled operation is a patient who has already waited too long, @@ Graham Tolley @@ chief executive
and who will now wait longer. @@ Graham Tolley @@ chief executive
If you haven’t had a call, please come in as planned, @@ Adrian Pell @@ spokesman
We don’t want anyone missing treatment because of confusion. @@ Adrian Pell @@ spokesman
passed from pillar to post @@ Maureen Slade @@ -
I was told in March it would be May, then told in May it would be September, @@ Maureen Slade @@ -
Now it’s nobody knows when. I can’t walk to the end of my garden. @@ Maureen Slade @@ -
fair and final @@ Department of Health @@ -

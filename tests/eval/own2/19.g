split shifts @@ - @@ -
split shifts @@ - @@ -
Our members are spending twelve hours a day away from home and getting paid for eight, @@ Kath Doyle @@ regional organiser
They've had enough, and frankly so have their families. @@ Kath Doyle @@ regional organiser
Every time we raise it, we're told "that's not on the table", @@ Kath Doyle @@ regional organiser
Well, it's on the table now. @@ Kath Doyle @@ regional organiser
disappointed @@ Greenline Buses @@ -
think carefully @@ Greenline Buses @@ -
Split shifts are a normal feature of bus operations across the country. We have made a fair offer and our door remains open. @@ Greenline Buses @@ -
nobody's on them @@ Neil Hargreaves @@ managing director
We'd be driving fresh air round the ring road, @@ Neil Hargreaves @@ managing director
I don't drive and I can't afford taxis. If the buses stop, I'm stuck. @@ Jean Maddox @@ -

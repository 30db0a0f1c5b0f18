far beyond anything the science supports @@ Eirik Solbakken @@ fisheries minister
We came here prepared to compromise on numbers, @@ Eirik Solbakken @@ fisheries minister
We did not come here to compromise on whether the stock survives. @@ Eirik Solbakken @@ fisheries minister
politically motivated @@ Kremlin @@ -
Norway has chosen to sacrifice decades of practical cooperation for the sake of solidarity with the European Union, @@ Arkady Belov @@ spokesman
Nobody wants to be the one who blinks first, @@ - @@ -
And the fish don’t vote. @@ - @@ -
following the situation very closely @@ - @@ -
Norway is perfectly capable of reading a stock assessment on its own. @@ - @@ -
Our members need to know in December what they can catch in January, @@ Hilde Mortensen @@ chair
Right now they know nothing. @@ Hilde Mortensen @@ chair

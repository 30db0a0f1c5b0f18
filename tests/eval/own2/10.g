the sofa years @@ - @@ -
whoever was left in the room at ten o’clock @@ Helen Wyatt-Morris @@ former cabinet minister
The Long Corridor @@ - @@ -
the sofa @@ Helen Wyatt-Morris @@ former cabinet minister
the furniture @@ Helen Wyatt-Morris @@ former cabinet minister
sat in every meeting and said nothing in any of them @@ Helen Wyatt-Morris @@ former cabinet minister
I wanted to write down how it actually worked, because nobody else was going to, @@ Helen Wyatt-Morris @@ former cabinet minister
If some people don’t like how they come out of it, they should have said more at the time. @@ Helen Wyatt-Morris @@ former cabinet minister
a very long resignation letter @@ Martin Oakes @@ ex-transport secretary
Helen was a fine minister and she’s written a fine novel, @@ Martin Oakes @@ ex-transport secretary
I don’t recognise the government she describes. I certainly don’t recognise the sofa. @@ Martin Oakes @@ ex-transport secretary
the most candid account of the decade we’re likely to get @@ Alan Kaur @@ professor of modern british politics
required reading for anyone who thinks the minutes tell the whole story @@ Alan Kaur @@ professor of modern british politics
Nobody Knew, Everybody Knew @@ - @@ -

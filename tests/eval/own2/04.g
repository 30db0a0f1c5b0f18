finally grown up @@ Rhys Pendry @@ head coach
We've lost games like that three or four times this season, @@ Rhys Pendry @@ head coach
Today we didn't panic. We kept the ball, we kept our shape, and we trusted each other. @@ Rhys Pendry @@ head coach
People will talk about Femi's try, and fair enough, it was a great finish, @@ Rhys Pendry @@ head coach
But the lads up front earned that. @@ Rhys Pendry @@ head coach
I've never played in rain like it, @@ Femi Adeyemi @@ winger
I couldn't feel my hands for the last twenty minutes. I just caught it and ran. @@ Femi Adeyemi @@ winger
I'm not going to get fined for saying what everyone saw, @@ Stuart Lomax @@ director of rugby
But go and watch the last ten minutes again and count the penalties. @@ Stuart Lomax @@ director of rugby
never going to last forever @@ Stuart Lomax @@ director of rugby
in a good place @@ Stuart Lomax @@ director of rugby
It's sore, but it's not the end of the world, @@ Owen Trelawney @@ captain
the best birthday present an old man could ask for @@ Derek Ambrose @@ chairman

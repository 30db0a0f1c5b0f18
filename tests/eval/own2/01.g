Nobody up here enjoys voting for this, @@ Denise Harlan @@ mayor
But the plant we have was built in 1961, and it is failing faster than anyone predicted. @@ Denise Harlan @@ mayor
run out of cheap options. @@ Denise Harlan @@ mayor
We are asking retirees on fixed incomes to cover a bill that Washington should be sharing, @@ Walter Ng @@ council president
I don't think we knocked on every door. @@ Walter Ng @@ council president
If those grants come through, the council can revisit the rates, @@ Carlos Medeiros @@ spokesman
Nothing here is locked in forever. @@ Carlos Medeiros @@ spokesman
I keep the shower short and the garden dry, @@ Joan Petrakis @@ retired schoolteacher
I don't know what else they want me to cut. @@ Joan Petrakis @@ retired schoolteacher
We owe people that much, @@ Denise Harlan @@ mayor

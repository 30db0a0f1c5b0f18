When I took office, this city had not approved a single affordable project in six years, @@ Gloria Espinal @@ mayor
Now we have cranes on Water Street. @@ Gloria Espinal @@ mayor
Approving something is not the same as building it, @@ Scott Brannigan @@ businessman
You can't live in a press release. @@ Scott Brannigan @@ businessman
They are being built as we speak, @@ Gloria Espinal @@ mayor
Drive down Water Street tomorrow and count them. @@ Gloria Espinal @@ mayor
I drove down Water Street this morning, @@ Scott Brannigan @@ businessman
I counted two cranes and a lot of parking lots. @@ Scott Brannigan @@ businessman
starved the department @@ Scott Brannigan @@ businessman
Mr. Brannigan has a habit of saying things that are not true with great confidence, @@ Gloria Espinal @@ mayor
The mayor has a habit of blaming everyone but herself, @@ Scott Brannigan @@ businessman
Every family in this city is paying more for groceries, more for gas, more for heat. The least City Hall can do is stop asking them for more. @@ Scott Brannigan @@ businessman
And I will do that on day one. @@ Scott Brannigan @@ businessman
a fantasy @@ Gloria Espinal @@ mayor

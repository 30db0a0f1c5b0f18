Sublethal fungicide exposure impairs homing in Bombus terrestris. @@ - @@ -
These are doses that a bee could encounter on an ordinary spring day in farmland, @@ Maja Eklund @@ lead author
We weren’t looking for a dramatic effect. We were surprised by how big it was. @@ Maja Eklund @@ lead author
the forgotten chemicals @@ Maja Eklund @@ lead author
striking and worrying, @@ Daniel Otieno @@ entomologist
I’d want to see this repeated with other bees and other landscapes before anyone starts rewriting the rules, @@ Daniel Otieno @@ entomologist
But if it holds, it matters. @@ Daniel Otieno @@ entomologist
rigorously assessed @@ Tobias Renner @@ spokesperson
Laboratory feeding studies do not reflect real-world exposure, @@ Tobias Renner @@ spokesperson
We did the real-world part first, @@ Maja Eklund @@ lead author

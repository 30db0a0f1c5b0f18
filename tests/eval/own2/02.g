a pattern, not an accident. @@ Howard Pruitt @@ superior court judge
The jury heard eleven days of evidence, much of it technical, and it asked careful questions, @@ Howard Pruitt @@ superior court judge
There is nothing in this record to suggest that it was inflamed. @@ Howard Pruitt @@ superior court judge
wildly out of line @@ Margaret Oyelaran @@ lawyer
My client is not asking the court to excuse what happened, @@ Margaret Oyelaran @@ lawyer
It is asking the court to apply the law as it applies to everyone else. @@ Margaret Oyelaran @@ lawyer
If not this case, counsel, then which one? @@ Howard Pruitt @@ superior court judge
For two years this company told the family that it was a tragic accident, @@ Raymond Beale @@ attorney
A jury and now a judge have told them what it actually was. @@ Raymond Beale @@ attorney
Evan would have wanted something to change. I hope this is how it starts. @@ Tasha Castillo @@ -
respectfully disagrees @@ Coastline Haulers @@ -

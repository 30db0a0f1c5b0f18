I didn’t start it for science, @@ Sigrid Holm @@ -
I started it because my husband was a fisherman and I wanted to know whether he would come home. @@ Sigrid Holm @@ -
What she has is a daily record, at a single point, kept by the same person with the same method for three decades, @@ Kasper Nyvold @@ marine ecologist
You cannot buy that. You cannot go back and fund it. @@ Kasper Nyvold @@ marine ecologist
The first years I wrote only numbers. Wind, waves, the thermometer. I thought if I wrote anything else it would be sentimental, and Per would tease me. @@ Sigrid Holm @@ -
After he was gone I started writing other things. Which boats went out. Whether the eiders were there. What the sky looked like. Some days there is a whole page about one cormorant. @@ Sigrid Holm @@ -
Now people tell me it is data. Fine, it is data. But when I read the old books I don’t see data. I see the morning he bought the new engine, and the winter the harbour froze, and the day my granddaughter was born and I forgot to measure the wind. @@ Sigrid Holm @@ -
I hope the scientists can use it. But I didn’t do it for them. I did it so I would notice things. @@ Sigrid Holm @@ -
Somebody has to look at the water, @@ Sigrid Holm @@ -

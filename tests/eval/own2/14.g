We have him. He is alive, he is talking, and he is asking for a cigarette. @@ Tiago Marques @@ lieutenant
I kept telling myself, one more wave, just get over one more wave, @@ Joaquim Vidal @@ fisherman
When the sun came up I started to believe it. @@ Joaquim Vidal @@ fisherman
Honestly, the odds were not good, @@ Tiago Marques @@ lieutenant
The water is 15 degrees at this time of year. Most people would not last half that time. @@ Tiago Marques @@ lieutenant
Then the debris waved, @@ Henrik Aalto @@ captain
He can go back to sea when I am dead, @@ Rosa Vidal @@ -
And I intend to live a long time. @@ Rosa Vidal @@ -

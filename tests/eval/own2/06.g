Redbud Falls gave us everything we were looking for: a skilled workforce, room to grow and a community that wanted us here, @@ Priyanka Sethi @@ chief executive
This plant is a long-term commitment. We intend to be building batteries here in thirty years. @@ Priyanka Sethi @@ chief executive
Our students will train on the same equipment they'll use on the plant floor, @@ Leon Whitfield @@ president
That is the kind of partnership that changes lives. @@ Leon Whitfield @@ president
Storage is no longer an experiment for us, @@ Marla Greyeyes @@ general manager
It is how we keep the lights on at 7 p.m. in August. @@ Marla Greyeyes @@ general manager

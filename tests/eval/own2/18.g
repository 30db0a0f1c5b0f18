This fire is moving faster than our crews can build line in front of it, @@ Benjamin Tso @@ fire chief
We are asking people in the warning zones not to wait for an order. If you feel you need to go, go. @@ Benjamin Tso @@ fire chief
We are going to have a very difficult 48 hours. The winds are forecast to stay strong through Friday, and the humidity is in the single digits. @@ Benjamin Tso @@ fire chief
You think you'll have time to pack. You don't, @@ Angela Ferris @@ -
The sky went orange and the deputies were at the door. @@ Angela Ferris @@ -
I know what I'm supposed to tell people, @@ Walt Kessler @@ retired firefighter
I didn't follow my own advice. @@ Walt Kessler @@ retired firefighter
cooperating fully @@ Sierra Crest Power @@ -

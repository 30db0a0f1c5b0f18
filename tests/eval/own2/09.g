Day three in the Red Butte airport. They've rebooked me four times and cancelled four times, @@ Kayla Brennan @@ nurse
I am going to miss my sister's wedding. @@ Kayla Brennan @@ nurse
Summit Air hospitality suite. @@ Hector Villalobos @@ -
We let you down, and I am not going to make excuses, @@ Gordon Pike @@ chief executive
Our crews were ready to fly. Our systems were not. @@ Gordon Pike @@ chief executive
an insult @@ Alma Ruiz @@ senator
Summit Air has received millions in federal subsidies to serve rural communities, @@ Alma Ruiz @@ senator
Those communities deserve better than a $300 coupon and an apology video. @@ Alma Ruiz @@ senator
Senator, I agree they deserve better. Cash refunds are going out tomorrow, no questions asked. @@ Gordon Pike @@ chief executive
aware of the disruptions @@ Transportation Department @@ -
We're sorry. We're fixing it. @@ Summit Air @@ -
When a big airline loses a system, it has slack, @@ Roberta Quinn @@ aviation analyst
When a regional loses one, it has nothing. @@ Roberta Quinn @@ aviation analyst

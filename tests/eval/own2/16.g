deliberately invested in price @@ Harvest Lane Markets @@ -
Our customers are telling us very clearly that every dollar matters right now, @@ Dana Whitlock @@ chief executive
We would rather earn their loyalty than a few extra cents of margin this quarter. @@ Dana Whitlock @@ chief executive
We are not assuming any help from the consumer, @@ Raj Malhotra @@ chief financial officer
If it comes, that is upside. @@ Raj Malhotra @@ chief financial officer
in theory @@ Kevin Adeyinka @@ analyst
fighting a price war against companies with much deeper pockets. @@ Kevin Adeyinka @@ analyst
The discount giants can do this forever. Harvest Lane can't, @@ Kevin Adeyinka @@ analyst
Traffic is the number that matters, and traffic is up, @@ Ellen Marsh @@ portfolio manager
I'll take that trade. @@ Ellen Marsh @@ portfolio manager

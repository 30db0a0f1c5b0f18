fewer tuxedos, more Tuesdays @@ Ingrid Halvorsen @@ music director
fewer tuxedos, more Tuesdays. @@ Ingrid Halvorsen @@ music director
dumbing down. @@ - @@ -
Ice Road. @@ - @@ -
Play something I would understand. @@ - @@ -

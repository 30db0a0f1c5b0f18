never seen anything like it @@ Lottie Brennand @@ founder
You could smell it from the bridge before you could see it, @@ Lottie Brennand @@ founder
There were fish belly-up in every eddy. Kids who swim here every summer were asking me what had happened, and I didn’t know what to tell them. @@ Lottie Brennand @@ founder
Rivers not sewers @@ - @@ -
Stop the dumping @@ - @@ -
failed to start as designed @@ Anvale Water @@ -
We are deeply sorry for the impact on the Wenn and we will pay the full cost of the clean-up and restocking. @@ Anvale Water @@ -
We know that’s not what people want to hear this week, @@ Simon Threlfall @@ chief operating officer
They want to know it won’t happen again, and that’s what we’re focused on. @@ Simon Threlfall @@ chief operating officer
fully accountable @@ Rowena Castle @@ water minister
too little, and about ten years too late @@ David Oduya @@ mp
They’ve had warning after warning, @@ David Oduya @@ mp
Anvale’s own reports flagged those generators in 2019. @@ David Oduya @@ mp

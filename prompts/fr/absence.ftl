## Les absences : /checkin absent, le formulaire « Je suis absent », /checkin retour.

absence-away = C'est noté : vous êtes absent jusqu'au { $until }. Aucun point ne vous sera demandé d'ici là, et rien ne sera escaladé. Tapez `/checkin retour` à votre retour.
absence-away-deputy = C'est noté : vous êtes absent jusqu'au { $until }. Vos points hebdo vont à { $deputy } d'ici là. Tapez `/checkin retour` à votre retour.
absence-away-from = C'est noté : vous serez absent du { $since } au { $until }. Aucun point ne vous sera demandé pendant ce temps, et rien ne sera escaladé. Tapez `/checkin retour` si vos plans changent.
absence-away-from-deputy = C'est noté : vous serez absent du { $since } au { $until }. Vos points hebdo iront à { $deputy } pendant ce temps. Tapez `/checkin retour` si vos plans changent.
absence-away-day = C'est noté : vous serez absent le { $day }. Aucun point ne vous sera demandé ce jour-là, et rien ne sera escaladé. Tapez `/checkin retour` si vos plans changent.
absence-away-day-deputy = C'est noté : vous serez absent le { $day }. Vos points hebdo iront à { $deputy } ce jour-là. Tapez `/checkin retour` si vos plans changent.
absence-back = Bon retour : vos points hebdo reprennent.
absence-past = Choisissez un jour à partir d'aujourd'hui : le dernier jour de votre absence.
absence-past-command = Ce jour est déjà passé : rien n'a été enregistré. Écrivez le dernier jour de votre absence, à partir d'aujourd'hui, par exemple `/checkin absent jusqu'au 15/12/2026`, ou `/checkin retour` si vous êtes de retour.
absence-bad = Je n'ai pas compris : rien n'a été enregistré. Écrivez `/checkin absent jusqu'au 15/12/2026`, `/checkin absent jusqu'à vendredi`, `/checkin absent pour 2 semaines` ou `/checkin absent demain` (suivi si vous le souhaitez du suppléant qui répond d'ici là, par exemple @Marie), `/checkin retour`, ou simplement `/checkin` pour ouvrir le formulaire. `/checkin aide` montre toutes les formes.
absence-form-title = Absence
absence-form-save = Enregistrer
absence-form-cancel = Annuler
absence-form-intro = Pendant votre absence, personne ne vous demande de point et rien n'est escaladé. Nommez un suppléant et les demandes lui sont adressées à votre place.
absence-form-until = Absent jusqu'au (inclus)
absence-form-deputy = Suppléant qui répond d'ici là

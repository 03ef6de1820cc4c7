"""Views of a day: each figure a report shows is computed here from the data set and a date; renderers only render them."""

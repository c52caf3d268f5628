"""Small widgets any feature may use: a parameter control, a progress runner, a placeholder."""

document.addEventListener("click", function (e) {
  if (e.target.classList && e.target.classList.contains("print-button")) window.print();
});
